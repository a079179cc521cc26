/**
 * The webhook worker in its own thread, with its own connection to the
 * database: sending (HTTP, signatures, the attempts' results) costs the
 * thread that answers editors nothing. The main thread only says "look at
 * these endpoints' queues" (kick) and "stop" (close).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection.ts';
import { createWebhookWorker } from './worker.ts';

const { dbPath, retryDelaysMs, timeoutMs } = workerData as { dbPath: string; retryDelaysMs?: number[]; timeoutMs?: number };
const db = openDatabase(dbPath);
const worker = createWebhookWorker({ db, retryDelaysMs, timeoutMs });

parentPort!.on('message', (message: { kick?: number[] | null; close?: true }) => {
  if (message.close) {
    worker.close();
    db.close();
    parentPort!.close();
    return;
  }
  worker.kick(message.kick ?? undefined);
});
worker.kick();
parentPort!.postMessage({ ready: true });
