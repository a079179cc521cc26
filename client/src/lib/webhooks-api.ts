/** The admin's webhook calls: endpoints, their deliveries, "send again". Through admin-api's send, so they carry the CSRF token. */
import type { DeliveryListing, NewWebhook, NewWebhookInput, WebhookListing } from '../../../shared/protocol/webhooks.ts';
import { send } from './admin-api.ts';

export const fetchWebhooks = () => send<WebhookListing[]>('GET', '/api/webhooks');
export const createWebhook = (input: NewWebhookInput) => send<NewWebhook>('POST', '/api/webhooks', input);
export const disableWebhook = (id: number) => send<WebhookListing>('POST', `/api/webhooks/${id}/disable`, {});
export const fetchDeliveries = (id: number) => send<DeliveryListing[]>('GET', `/api/webhooks/${id}/deliveries?limit=25`);
export const resendDelivery = (id: number) => send<DeliveryListing>('POST', `/api/webhook-deliveries/${id}/resend`, {});
