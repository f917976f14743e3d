/**
 * @title Factory creating a consistent Project aggregate with its first owner member
 * @tags ddd, factory, aggregate creation, invariants
 * @stack ddd, typescript
 */
import { randomUUID } from 'node:crypto';

export interface ProjectMember {
  userId: string;
  role: 'owner' | 'editor' | 'viewer';
}

export interface Project {
  id: string;
  name: string;
  members: ProjectMember[];
}

export function createProject(name: string, ownerId: string): Project {
  const trimmed = name.trim();
  if (trimmed.length < 3) throw new Error('project names have at least 3 characters');
  return { id: randomUUID(), name: trimmed, members: [{ userId: ownerId, role: 'owner' }] };
}

export function ownerOf(project: Project): string {
  const owner = project.members.find((m) => m.role === 'owner');
  if (!owner) throw new Error(`project ${project.id} has no owner`);
  return owner.userId;
}
