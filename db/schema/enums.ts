import { pgEnum } from 'drizzle-orm/pg-core';
import { DIRECTIONS, HEALTHS, STAGES } from '@/lib/domain/stages';
import { ROLES } from '@/lib/domain/roles';

// Enums live in the database too, so that a row with an unknown stage is refused whoever writes it.
export const stageEnum = pgEnum('stage', STAGES);
export const healthEnum = pgEnum('health', HEALTHS);
export const roleEnum = pgEnum('role', ROLES);
export const directionEnum = pgEnum('direction', DIRECTIONS);
export const agendaEventKindEnum = pgEnum('agenda_event_kind', ['talks', 'signing', 'review', 'milestone']);
