import { handlers } from '@/auth';
import { routeMethods } from '@/lib/server/api';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: handlers.GET, POST: handlers.POST });
