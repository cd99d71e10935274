ALTER TABLE "dataset_parts" ADD COLUMN "chunk" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dataset_parts" DROP CONSTRAINT "dataset_parts_dataset_id_part_pk";--> statement-breakpoint
ALTER TABLE "dataset_parts" ADD CONSTRAINT "dataset_parts_dataset_id_part_chunk_pk" PRIMARY KEY("dataset_id","part","chunk");
