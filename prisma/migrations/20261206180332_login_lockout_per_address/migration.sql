-- CreateTable
CREATE TABLE "LoginLockout" (
    "userId" UUID NOT NULL,
    "address" TEXT NOT NULL,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginLockout_pkey" PRIMARY KEY ("userId","address")
);

-- AddForeignKey
ALTER TABLE "LoginLockout" ADD CONSTRAINT "LoginLockout_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

