import type { ConversationContext, FormAnswers, FormDeviceAnswers } from './context';
import type { FlowEvent } from './events';
import type { FormFieldId } from './schema';

/**
 * What the escalation form's states do to the context, as pure updates; the compiler names them
 * in `setup` (wrapped in `assign`). The answers live only while the candidate is in the form:
 * entering it starts afresh, and every other step forgets them at the end of its entry, after the
 * `open-ticket` of the step "Send it" leads to has read them (see `sentForm`).
 */
type Update = Partial<ConversationContext>;

const withForm = (context: ConversationContext, change: Partial<FormAnswers>): Update => ({
  form: { fields: {}, ...context.form, ...change },
});

export const formUpdates = {
  startForm: (): Update => ({ form: { fields: {} } }),
  answerField: (context: ConversationContext, event: FlowEvent, field: FormFieldId): Update =>
    event.type === 'form.answer' ? withForm(context, { fields: { ...context.form?.fields, [field]: event.value } }) : {},
  correctField: (context: ConversationContext, event: FlowEvent): Update =>
    event.type === 'form.correct' ? withForm(context, { fields: { ...context.form?.fields, [event.field]: event.value } }) : {},
  confirmDevice: (context: ConversationContext): Update => withForm(context, { device: { confirmed: true } }),
  answerDeviceType: (context: ConversationContext, deviceType: FormDeviceAnswers['deviceType']): Update => withForm(context, { device: { deviceType } }),
  answerBrowser: (context: ConversationContext, browser: string): Update => withForm(context, { device: { ...context.form?.device, browser } }),
  sendForm: (context: ConversationContext): Update => withForm(context, { sent: true }),
  forgetForm: (): Update => ({ form: undefined }),
};

/** What `open-ticket` carries: the answers of a form just sent, or nothing (no ticket without a sent form). */
export function sentForm({ context }: { context: ConversationContext }): SentForm | undefined {
  const { form } = context;
  return form?.sent ? { details: form.fields, device: form.device ?? {} } : undefined;
}

export interface SentForm {
  details: FormAnswers['fields'];
  device: FormDeviceAnswers;
}
