// I-3, N-3: GET /api/backup, an admin's download of the same backup `trakt backup` writes. While the
// server runs it holds the embedded data folder, so this is the way to a backup of it.
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/connect.ts';
import { isAdmin } from '../../domain/auth/permissions.ts';
import { backupFileName, backupStream, takeSnapshot } from '../../domain/backup/backup-file.ts';
import { AppError } from '../../domain/errors.ts';
import { actorOf } from '../context.ts';
import { errorResponses, fileResponse } from '../openapi.ts';

const description = `A consistent backup of the whole database, attachments included: a tar of \`manifest.json\` (rows and a checksum of every table, each attachment's SHA-256) and the database (\`database.tar\`, the embedded data folder, or \`database.pgdump\`, pg_dump's custom format). Admins only. Restore it with \`trakt restore <file>\`; check it with \`trakt backup --verify <file>\`.`;

export const backupRoutes: FastifyPluginCallbackZod<{ database: Database }> = (app, { database }, done) => {
  const schema = {
    operationId: 'downloadBackup',
    summary: 'Download a backup of the whole database (admins)',
    tags: ['backup'],
    description,
    response: { 200: fileResponse('The backup file', ['application/x-tar']), ...errorResponses(401, 403, 503) },
  };
  app.get('/api/backup', { schema }, async (request, reply) => {
    if (!isAdmin(actorOf(request))) throw new AppError('FORBIDDEN', 'Only admins take backups');
    const snapshot = await takeSnapshot(database);
    // the temp file of a server dump goes when the answer is sent or the client leaves
    reply.raw.once('close', () => void snapshot.dispose());
    return reply
      .header('content-type', 'application/x-tar')
      .header('content-disposition', `attachment; filename="${backupFileName()}"`)
      .header('cache-control', 'no-store')
      .send(backupStream(snapshot));
  });
  done();
};
