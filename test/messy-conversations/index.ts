import { answersInContext } from './answersInContext';
import { beyondTheGuide, socialTurns } from './beyondTheGuide';
import { form } from './form';
import { fromTheCritic } from './fromTheCritic';
import { notReAsked } from './notReAsked';
import type { MessyConversation } from './script';

export const corpus: MessyConversation[] = [...answersInContext, ...notReAsked, ...form, ...beyondTheGuide, ...socialTurns, ...fromTheCritic];
