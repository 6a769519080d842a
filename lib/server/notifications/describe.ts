import 'server-only';
import type { NotificationRow } from '@/db/queries/notifications';
import type { Message } from '@/lib/domain/messages';

/** A notification as a catalogue message: the one sentence the bell page and the e-mail both show. */
export function notificationMessage(n: NotificationRow, fallbackActor: string): Message {
  const data = n.data ?? {};
  return {
    key: `notifications.kind.${n.kind}`,
    values: {
      actor: n.actorName ?? fallbackActor,
      reference: n.commitmentReference ?? '',
      title: n.commitmentTitle ?? '',
      decision: String(data.decision ?? ''),
      resolved: String(data.resolved ?? ''),
      due: String(data.due ?? ''),
      moved: Number(data.moved ?? 0),
      stuck: Number(data.stuck ?? 0),
      awaiting: Number(data.awaiting ?? 0),
    },
  };
}
