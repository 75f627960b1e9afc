-- Issue 17: the back office's inbox (open tasks, unclaimed, urgent first then by due date, the
-- default NULLS LAST of an ascending order). At 200,000 cases the IOC's queue sorted its 7,500
-- open tasks on every page (106 ms), and the count read them from the table (49 ms). In this order
-- the first page is the index's first entries, and with assigneeId in the index the count reads
-- the index alone (docs/performance.md).

-- CreateIndex
CREATE INDEX "Task_state_urgent_due_id_assigneeId_idx" ON "Task"("state", "urgent" DESC, "due", "id", "assigneeId");
