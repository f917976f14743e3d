/**
 * @title Project membership service with in-memory storage
 * @tags service, projects, members, many-to-many, in-memory
 * @stack express, typescript
 */
export interface ProjectService {
  members(projectId: string): Promise<string[]>;
  addMember(projectId: string, userId: string): Promise<void>;
  removeMember(projectId: string, userId: string): Promise<void>;
}

export function createProjectService(): ProjectService {
  const members = new Map<string, Set<string>>();
  const of = (projectId: string): Set<string> => {
    let set = members.get(projectId);
    if (!set) {
      set = new Set();
      members.set(projectId, set);
    }
    return set;
  };
  return {
    members: async (projectId) => [...of(projectId)],
    addMember: async (projectId, userId) => {
      of(projectId).add(userId);
    },
    removeMember: async (projectId, userId) => {
      of(projectId).delete(userId);
    },
  };
}
