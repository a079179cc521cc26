/** The admin page's webhooks panel: endpoints, the open endpoint's deliveries, the secret shown once. */
import type { DeliveryListing, NewWebhook, NewWebhookInput, WebhookListing } from '../../../../shared/protocol/webhooks.ts';
import type { Refusal, Reply } from '../http.ts';
import * as api from '../webhooks-api.ts';

class WebhooksDesk {
  endpoints = $state.raw<WebhookListing[]>([]);
  /** The endpoint whose deliveries are shown. */
  open = $state<number | null>(null);
  deliveries = $state.raw<DeliveryListing[]>([]);
  newWebhook = $state.raw<NewWebhook | null>(null);
  refusal = $state.raw<Refusal | null>(null);
  status = $state('');
  busy = $state(false);

  async #run<T>(request: Promise<Reply<T>>, done: (value: T) => string): Promise<T | null> {
    this.busy = true;
    try {
      const answer = await request;
      this.refusal = answer.ok ? null : answer;
      if (answer.ok) this.status = done(answer.value);
      return answer.ok ? answer.value : null;
    } finally {
      this.busy = false;
    }
  }

  async load(): Promise<void> {
    const listed = await api.fetchWebhooks();
    if (listed.ok) this.endpoints = listed.value;
    else this.refusal = listed;
    if (this.open !== null) await this.#loadDeliveries(this.open);
  }

  async #loadDeliveries(id: number) {
    const found = await api.fetchDeliveries(id);
    if (found.ok) this.deliveries = found.value;
  }

  async show(id: number | null): Promise<void> {
    this.open = id;
    this.deliveries = [];
    await this.load();
  }

  async create(input: NewWebhookInput): Promise<boolean> {
    const made = await this.#run(api.createWebhook(input), (w) => `Added the webhook "${w.name}". Copy its secret now.`);
    this.newWebhook = made;
    if (made) await this.load();
    return made !== null;
  }

  forgetSecret(): void {
    this.newWebhook = null;
  }

  async disable(endpoint: WebhookListing): Promise<void> {
    if (await this.#run(api.disableWebhook(endpoint.id), () => `Disabled the webhook "${endpoint.name}".`)) await this.load();
  }

  async resend(delivery: DeliveryListing): Promise<void> {
    if (await this.#run(api.resendDelivery(delivery.id), () => `Queued delivery ${delivery.id} again, with the same idempotency key.`)) {
      await this.load();
    }
  }
}

export const webhooks = new WebhooksDesk();
