/** The admin's webhook calls: endpoints, their deliveries, "send again". Through http.ts, so they carry the CSRF token. */
import type { DeliveryListing, NewWebhook, NewWebhookInput, WebhookListing } from '../../../shared/protocol/webhooks.ts';
import { request } from './http.ts';

export const fetchWebhooks = () => request<WebhookListing[]>('GET', '/api/webhooks');
export const createWebhook = (input: NewWebhookInput) => request<NewWebhook>('POST', '/api/webhooks', { body: input });
export const disableWebhook = (id: number) => request<WebhookListing>('POST', `/api/webhooks/${id}/disable`, { body: {} });
export const fetchDeliveries = (id: number) => request<DeliveryListing[]>('GET', `/api/webhooks/${id}/deliveries?limit=25`);
export const resendDelivery = (id: number) => request<DeliveryListing>('POST', `/api/webhook-deliveries/${id}/resend`, { body: {} });
