-- CreateIndex
CREATE INDEX "Job_ownerId_kind_createdAt_idx" ON "Job"("ownerId", "kind", "createdAt");
