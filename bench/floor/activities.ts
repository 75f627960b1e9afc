/** The floor's one activity: it does no work, so that only its cost to Temporal and the SDK remains. */
export interface FloorActivities {
  receive(caseId: string): Promise<string>;
}

export const floorActivities: FloorActivities = {
  async receive(caseId) {
    return caseId;
  },
};
