using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CctvRequests.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class QueueAndStatisticsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_footage_requests_station_id",
                table: "footage_requests");

            migrationBuilder.DropIndex(
                name: "ix_footage_requests_submitted_at",
                table: "footage_requests");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "request_counts",
                columns: table => new
                {
                    station_id = table.Column<int>(type: "integer", nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    purpose = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_counts", x => new { x.station_id, x.submitted_on, x.status, x.purpose });
                });

            migrationBuilder.CreateTable(
                name: "request_totals",
                columns: table => new
                {
                    station_id = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_totals", x => new { x.station_id, x.status });
                });

            migrationBuilder.CreateIndex(
                name: "ix_status_changes_cancelled",
                table: "status_changes",
                column: "request_id",
                filter: "\"to\" = 'Cancelled'")
                .Annotation("Npgsql:IndexInclude", new[] { "cancellation_reason" });

            migrationBuilder.CreateIndex(
                name: "ix_footage_requests_open_queue",
                table: "footage_requests",
                columns: new[] { "footage_overwritten_on", "submitted_at" },
                filter: "status IN ('Pending', 'Received')");

            migrationBuilder.CreateIndex(
                name: "ix_footage_requests_station_id_submitted_at",
                table: "footage_requests",
                columns: new[] { "station_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_footage_requests_submitted_at",
                table: "footage_requests",
                column: "submitted_at")
                .Annotation("Npgsql:IndexInclude", new[] { "status", "decided_at", "footage_overwritten_on", "id" });

            // The counts per station, Bangkok day, status and purpose (the queue's counts, the
            // statistics' breakdowns), and per station and status, kept by the database itself in the
            // transaction of every change (so they cannot drift), filled once from the rows.
            migrationBuilder.Sql("""
                CREATE FUNCTION request_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'UPDATE' AND (OLD.status, OLD.station_id, OLD.submitted_at, OLD.purpose) = (NEW.status, NEW.station_id, NEW.submitted_at, NEW.purpose) THEN
                    RETURN NULL;
                  END IF;
                  IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    UPDATE request_counts SET count = count - 1
                    WHERE station_id = OLD.station_id AND submitted_on = ((OLD.submitted_at AT TIME ZONE 'UTC') + interval '7 hours')::date
                      AND status = OLD.status AND purpose = OLD.purpose;
                    UPDATE request_totals SET count = count - 1 WHERE station_id = OLD.station_id AND status = OLD.status;
                  END IF;
                  IF TG_OP IN ('UPDATE', 'INSERT') THEN
                    INSERT INTO request_counts (station_id, submitted_on, status, purpose, count)
                    VALUES (NEW.station_id, ((NEW.submitted_at AT TIME ZONE 'UTC') + interval '7 hours')::date, NEW.status, NEW.purpose, 1)
                    ON CONFLICT (station_id, submitted_on, status, purpose) DO UPDATE SET count = request_counts.count + 1;
                    INSERT INTO request_totals (station_id, status, count) VALUES (NEW.station_id, NEW.status, 1)
                    ON CONFLICT (station_id, status) DO UPDATE SET count = request_totals.count + 1;
                  END IF;
                  RETURN NULL;
                END
                $$;
                CREATE TRIGGER request_counts_follow AFTER INSERT OR DELETE OR UPDATE OF status, station_id, submitted_at, purpose ON footage_requests
                  FOR EACH ROW EXECUTE FUNCTION request_counts_follow();
                -- Counted again from the rows: the first fill, and after a bulk load run with the trigger off.
                CREATE FUNCTION request_counts_rebuild() RETURNS void LANGUAGE sql AS $$
                  DELETE FROM request_counts;
                  DELETE FROM request_totals;
                  INSERT INTO request_counts (station_id, submitted_on, status, purpose, count)
                    SELECT station_id, ((submitted_at AT TIME ZONE 'UTC') + interval '7 hours')::date, status, purpose, count(*)
                    FROM footage_requests GROUP BY 1, 2, 3, 4;
                  INSERT INTO request_totals (station_id, status, count)
                    SELECT station_id, status, sum(count) FROM request_counts GROUP BY 1, 2;
                $$;
                SELECT request_counts_rebuild();
                """);

            // The staff search by name: LIKE '%...%' over this very expression (StaffQueueFilters).
            migrationBuilder.Sql("""
                CREATE INDEX ix_footage_requests_applicant_name_trgm ON footage_requests
                  USING gin (lower(applicant_title || applicant_first_name || ' ' || applicant_last_name) gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_footage_requests_applicant_name_trgm;
                DROP TRIGGER request_counts_follow ON footage_requests;
                DROP FUNCTION request_counts_follow();
                DROP FUNCTION request_counts_rebuild();
                """);

            migrationBuilder.DropTable(
                name: "request_counts");

            migrationBuilder.DropTable(
                name: "request_totals");

            migrationBuilder.DropIndex(
                name: "ix_status_changes_cancelled",
                table: "status_changes");

            migrationBuilder.DropIndex(
                name: "ix_footage_requests_open_queue",
                table: "footage_requests");

            migrationBuilder.DropIndex(
                name: "ix_footage_requests_station_id_submitted_at",
                table: "footage_requests");

            migrationBuilder.DropIndex(
                name: "ix_footage_requests_submitted_at",
                table: "footage_requests");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_footage_requests_station_id",
                table: "footage_requests",
                column: "station_id");

            migrationBuilder.CreateIndex(
                name: "ix_footage_requests_submitted_at",
                table: "footage_requests",
                column: "submitted_at");
        }
    }
}
