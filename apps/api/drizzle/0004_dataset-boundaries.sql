CREATE TABLE "dataset_boundaries" (
	"dataset_id" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"id_property" text,
	"name_property" text,
	"blocks" integer NOT NULL,
	"bytes" integer NOT NULL,
	"geojson" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dataset_boundaries" ADD CONSTRAINT "dataset_boundaries_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;