-- CreateEnum
CREATE TYPE "SnapshotKind" AS ENUM ('HOLDINGS', 'POSITIONS', 'ORDERS', 'TRADES', 'MARGINS');

-- CreateEnum
CREATE TYPE "PaperOrderStatus" AS ENUM ('OPEN', 'TRIGGER PENDING', 'COMPLETE', 'CANCELLED', 'REJECTED');

-- CreateEnum
CREATE TYPE "AnalysisKind" AS ENUM ('CHART', 'BROKER');

-- CreateEnum
CREATE TYPE "AnalysisStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "JournalSource" AS ENUM ('PAPER', 'KITE', 'SCREENSHOT');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN     "refId" UUID;

-- AlterTable
ALTER TABLE "PaperAccount" ADD COLUMN     "processedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "zerodhaUserId" TEXT;

-- CreateTable
CREATE TABLE "KiteApp" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "apiKey" TEXT NOT NULL,
    "apiSecretCipher" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "KiteApp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KiteSession" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "appId" UUID NOT NULL,
    "accessTokenCipher" TEXT NOT NULL,
    "zerodhaUserId" TEXT NOT NULL,
    "zerodhaUserName" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSyncAt" TIMESTAMPTZ(3),

    CONSTRAINT "KiteSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KiteLoginState" (
    "id" UUID NOT NULL,
    "userId" UUID,
    "sessionId" UUID,
    "purpose" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KiteLoginState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortfolioSnapshot" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "SnapshotKind" NOT NULL,
    "payload" JSONB NOT NULL,
    "fetchedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PortfolioSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Instrument" (
    "id" UUID NOT NULL,
    "instrumentToken" INTEGER NOT NULL,
    "exchangeToken" INTEGER NOT NULL,
    "tradingsymbol" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "exchange" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "instrumentType" TEXT NOT NULL,
    "expiry" DATE,
    "strike" DECIMAL(18,4) NOT NULL,
    "tickSize" DECIMAL(18,4) NOT NULL,
    "lotSize" INTEGER NOT NULL,
    "freezeQuantity" INTEGER,
    "source" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Instrument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaperOrder" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "idempotencyKey" TEXT,
    "requestHash" TEXT,
    "exchange" TEXT NOT NULL,
    "tradingsymbol" TEXT NOT NULL,
    "instrumentToken" INTEGER,
    "transactionType" TEXT NOT NULL,
    "orderType" TEXT NOT NULL,
    "product" TEXT NOT NULL,
    "variety" TEXT NOT NULL DEFAULT 'regular',
    "validity" TEXT NOT NULL DEFAULT 'DAY',
    "quantity" INTEGER NOT NULL,
    "filledQuantity" INTEGER NOT NULL DEFAULT 0,
    "cancelledQuantity" INTEGER NOT NULL DEFAULT 0,
    "price" DECIMAL(18,4),
    "triggerPrice" DECIMAL(18,4),
    "averagePrice" DECIMAL(18,4),
    "marketProtection" DECIMAL(8,4),
    "protectionPrice" DECIMAL(18,4),
    "resting" BOOLEAN NOT NULL DEFAULT false,
    "status" "PaperOrderStatus" NOT NULL,
    "statusMessage" TEXT,
    "blockedMargin" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "tag" TEXT,
    "priceSource" TEXT,
    "placedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PaperOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaperFill" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "exchange" TEXT NOT NULL,
    "tradingsymbol" TEXT NOT NULL,
    "product" TEXT NOT NULL,
    "transactionType" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "price" DECIMAL(18,4) NOT NULL,
    "charges" JSONB NOT NULL,
    "chargesTotal" DECIMAL(18,2) NOT NULL,
    "chargesSource" TEXT NOT NULL,
    "priceSource" TEXT NOT NULL,
    "filledAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PaperFill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaperPosition" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "exchange" TEXT NOT NULL,
    "tradingsymbol" TEXT NOT NULL,
    "product" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "buyQuantity" INTEGER NOT NULL DEFAULT 0,
    "sellQuantity" INTEGER NOT NULL DEFAULT 0,
    "buyValue" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "sellValue" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "averagePrice" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "realisedPnl" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "tradingDay" DATE NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PaperPosition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaperHolding" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "exchange" TEXT NOT NULL,
    "tradingsymbol" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "t1Quantity" INTEGER NOT NULL DEFAULT 0,
    "averagePrice" DECIMAL(18,4) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PaperHolding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Analysis" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "AnalysisKind" NOT NULL,
    "question" TEXT,
    "useHistory" BOOLEAN NOT NULL DEFAULT false,
    "status" "AnalysisStatus" NOT NULL DEFAULT 'QUEUED',
    "failureReason" TEXT,
    "result" JSONB,
    "instrument" TEXT,
    "model" TEXT,
    "promptVersion" TEXT,
    "inputTokens" INTEGER,
    "outputTokens" INTEGER,
    "costUsd" DECIMAL(12,6),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Analysis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnalysisImage" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "analysisId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "mediaType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnalysisImage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JournalTrade" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "source" "JournalSource" NOT NULL,
    "sourceRef" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "exchange" TEXT NOT NULL,
    "tradingsymbol" TEXT NOT NULL,
    "transactionType" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "price" DECIMAL(18,4) NOT NULL,
    "product" TEXT,
    "tradedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JournalTrade_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "ownerId" UUID,
    "payload" JSONB NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 3,
    "runAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedAt" TIMESTAMPTZ(3),
    "lockedBy" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "KiteApp_userId_key" ON "KiteApp"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "KiteApp_id_userId_key" ON "KiteApp"("id", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "KiteSession_userId_key" ON "KiteSession"("userId");

-- CreateIndex
CREATE INDEX "KiteLoginState_expiresAt_idx" ON "KiteLoginState"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "PortfolioSnapshot_userId_kind_key" ON "PortfolioSnapshot"("userId", "kind");

-- CreateIndex
CREATE INDEX "Instrument_tradingsymbol_idx" ON "Instrument"("tradingsymbol");

-- CreateIndex
CREATE INDEX "Instrument_instrumentToken_idx" ON "Instrument"("instrumentToken");

-- CreateIndex
CREATE UNIQUE INDEX "Instrument_exchange_tradingsymbol_key" ON "Instrument"("exchange", "tradingsymbol");

-- CreateIndex
CREATE INDEX "PaperOrder_userId_placedAt_idx" ON "PaperOrder"("userId", "placedAt");

-- CreateIndex
CREATE INDEX "PaperOrder_status_idx" ON "PaperOrder"("status");

-- CreateIndex
CREATE UNIQUE INDEX "PaperOrder_id_userId_key" ON "PaperOrder"("id", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "PaperOrder_accountId_idempotencyKey_key" ON "PaperOrder"("accountId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "PaperFill_accountId_filledAt_idx" ON "PaperFill"("accountId", "filledAt");

-- CreateIndex
CREATE INDEX "PaperFill_userId_idx" ON "PaperFill"("userId");

-- CreateIndex
CREATE INDEX "PaperPosition_userId_idx" ON "PaperPosition"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PaperPosition_accountId_exchange_tradingsymbol_product_trad_key" ON "PaperPosition"("accountId", "exchange", "tradingsymbol", "product", "tradingDay");

-- CreateIndex
CREATE INDEX "PaperHolding_userId_idx" ON "PaperHolding"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PaperHolding_accountId_exchange_tradingsymbol_key" ON "PaperHolding"("accountId", "exchange", "tradingsymbol");

-- CreateIndex
CREATE INDEX "Analysis_userId_createdAt_idx" ON "Analysis"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Analysis_id_userId_key" ON "Analysis"("id", "userId");

-- CreateIndex
CREATE INDEX "AnalysisImage_userId_sha256_idx" ON "AnalysisImage"("userId", "sha256");

-- CreateIndex
CREATE UNIQUE INDEX "AnalysisImage_analysisId_position_key" ON "AnalysisImage"("analysisId", "position");

-- CreateIndex
CREATE INDEX "JournalTrade_userId_tradingsymbol_tradedAt_idx" ON "JournalTrade"("userId", "tradingsymbol", "tradedAt");

-- CreateIndex
CREATE UNIQUE INDEX "JournalTrade_userId_dedupeKey_key" ON "JournalTrade"("userId", "dedupeKey");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_zerodhaUserId_key" ON "User"("zerodhaUserId");

-- AddForeignKey
ALTER TABLE "KiteApp" ADD CONSTRAINT "KiteApp_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KiteSession" ADD CONSTRAINT "KiteSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KiteSession" ADD CONSTRAINT "KiteSession_appId_userId_fkey" FOREIGN KEY ("appId", "userId") REFERENCES "KiteApp"("id", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortfolioSnapshot" ADD CONSTRAINT "PortfolioSnapshot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperOrder" ADD CONSTRAINT "PaperOrder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperOrder" ADD CONSTRAINT "PaperOrder_accountId_userId_fkey" FOREIGN KEY ("accountId", "userId") REFERENCES "PaperAccount"("id", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperFill" ADD CONSTRAINT "PaperFill_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperFill" ADD CONSTRAINT "PaperFill_orderId_userId_fkey" FOREIGN KEY ("orderId", "userId") REFERENCES "PaperOrder"("id", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperPosition" ADD CONSTRAINT "PaperPosition_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperHolding" ADD CONSTRAINT "PaperHolding_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Analysis" ADD CONSTRAINT "Analysis_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalysisImage" ADD CONSTRAINT "AnalysisImage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalysisImage" ADD CONSTRAINT "AnalysisImage_analysisId_userId_fkey" FOREIGN KEY ("analysisId", "userId") REFERENCES "Analysis"("id", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalTrade" ADD CONSTRAINT "JournalTrade_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
