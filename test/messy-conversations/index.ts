import { answersInContext } from './answersInContext';
import { beyondTheGuide, socialTurns } from './beyondTheGuide';
import { form } from './form';
import { notReAsked } from './notReAsked';
import type { MessyConversation } from './script';

export const corpus: MessyConversation[] = [...answersInContext, ...notReAsked, ...form, ...beyondTheGuide, ...socialTurns];
