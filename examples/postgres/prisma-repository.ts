/**
 * @title Repository over Prisma Client for users and their projects
 * @tags postgres, prisma, orm, repository, include, relations
 * @stack postgres, prisma, typescript
 */
import type { PrismaClient } from '@prisma/client';

export function userRepository(prisma: PrismaClient) {
  return {
    withProjects(id: string) {
      return prisma.user.findUnique({ where: { id }, include: { projects: { orderBy: { name: 'asc' } } } });
    },
    register(email: string, name: string) {
      return prisma.user.create({ data: { email: email.toLowerCase(), name } });
    },
    async emailTaken(email: string): Promise<boolean> {
      return (await prisma.user.count({ where: { email: email.toLowerCase() } })) > 0;
    },
  };
}
