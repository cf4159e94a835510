/** The parts of an Adaptive Card that tests read: what a person sees and what its buttons send. */
export interface CardElement {
  type: string;
  text?: string;
  title?: string;
  verb?: string;
  data?: Record<string, unknown>;
  fallback?: CardElement;
  card?: AdaptiveCard;
  inlines?: { text: string }[];
  id?: string;
  actions?: CardElement[];
}

export interface AdaptiveCard {
  body?: CardElement[];
  actions?: CardElement[];
  refresh?: { action: CardElement };
}
