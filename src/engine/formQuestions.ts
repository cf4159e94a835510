import type { FormNode } from '../flow/schema';
import type { ConversationContext, FormDeviceAnswers } from '../flow/context';
import { fieldOf, type FormPart } from '../flow/formStates';
import { describeForCandidate, type DeviceNames } from '../device';
import type { Reply, ReplyChoice } from './types';
import { shownAsTyped } from './shownAsTyped';

/**
 * What the bot asks at a state of the escalation form, with its buttons (always including Cancel).
 * `names`: how the candidate's device is named, in the conversation's language (guide `deviceNames`).
 */
export function formQuestion(form: FormNode, part: FormPart, context: ConversationContext | undefined, names: DeviceNames): Reply[] {
  const choices = [...formChoices(form, part), cancelChoice(form)];
  const field = fieldOf(part);
  if (field) return [{ text: form.fields.find((f) => f.id === field)!.ask, choices }];
  switch (part) {
    case 'device-confirm':
      return [{ text: form.device.confirm.replaceAll('{device}', describeForCandidate(context?.device, names)), choices }];
    case 'device-type':
      return [{ text: form.device.askType, choices }];
    case 'device-browser':
      return [{ text: form.device.askBrowser, choices }];
    case 'review':
      return [{ text: `${form.review}\n\n${summary(form, context, names)}`, choices }];
    default:
      return [{ text: form.change, choices }];
  }
}

export const cancelChoice = (form: FormNode): ReplyChoice => ({ id: 'form.cancel', label: form.labels.cancel });

/** The buttons a form state offers besides Cancel; their ids are the machine's event types. */
export function formChoices(form: FormNode, part: FormPart): ReplyChoice[] {
  switch (part) {
    case 'device-confirm':
      return [
        { id: 'form.yes', label: form.labels.yes },
        { id: 'form.no', label: form.labels.no },
      ];
    case 'device-type':
      return Object.entries(form.device.types).map(([id, label]) => ({ id: `form.type.${id}`, label }));
    case 'device-browser':
      return Object.entries(form.device.browsers).map(([id, label]) => ({ id: `form.browser.${id}`, label }));
    case 'review':
      return [
        { id: 'form.send', label: form.labels.send },
        { id: 'form.change', label: form.labels.change },
      ];
    case 'change':
      return [...form.fields.map((f) => ({ id: `form.change.${f.id}`, label: f.label })), { id: 'form.change.device', label: form.device.label }];
    default:
      return [];
  }
}

function summary(form: FormNode, context: ConversationContext | undefined, names: DeviceNames): string {
  const answers = context?.form?.fields ?? {};
  const lines = form.fields.map((f) => `**${f.label}:** ${shownAsTyped(answers[f.id] ?? '')}`);
  lines.push(`**${form.device.label}:** ${deviceLine(form, context?.form?.device, context, names)}`);
  return lines.join('\n\n');
}

function deviceLine(form: FormNode, device: FormDeviceAnswers | undefined, context: ConversationContext | undefined, names: DeviceNames): string {
  if (device?.confirmed) return describeForCandidate(context?.device, names);
  const type = device?.deviceType ? form.device.types[device.deviceType] : undefined;
  const browser = device?.browser ? form.device.browsers[device.browser as keyof FormNode['device']['browsers']] : undefined;
  return [type, browser].filter(Boolean).join(', ');
}
