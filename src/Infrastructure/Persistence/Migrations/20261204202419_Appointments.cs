using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CctvRequests.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Appointments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "closed_days",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    yearly = table.Column<bool>(type: "boolean", nullable: false),
                    name_th = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_closed_days", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "viewing_places",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name_th = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    address_th = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    address_en = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    map_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    what_to_bring_th = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    what_to_bring_en = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    slot_minutes = table.Column<int>(type: "integer", nullable: false),
                    seats = table.Column<int>(type: "integer", nullable: false),
                    days_ahead = table.Column<int>(type: "integer", nullable: false),
                    latest_change_hours = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    hours = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_viewing_places", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "appointments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    place_id = table.Column<int>(type: "integer", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    seat = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    booked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    booked_by_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    booked_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    change_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    closed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    reminder_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reminder_queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appointments", x => x.id);
                    table.ForeignKey(
                        name: "fk_appointments_footage_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "footage_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_appointments_viewing_places_place_id",
                        column: x => x.place_id,
                        principalTable: "viewing_places",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_reminder_due",
                table: "appointments",
                column: "reminder_due_at",
                filter: "status = 'Booked' AND reminder_queued_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_appointments_request_id_starts_at",
                table: "appointments",
                columns: new[] { "request_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_starts_at",
                table: "appointments",
                column: "starts_at");

            migrationBuilder.CreateIndex(
                name: "ux_appointments_one_booked",
                table: "appointments",
                column: "request_id",
                unique: true,
                filter: "status = 'Booked'");

            migrationBuilder.CreateIndex(
                name: "ux_appointments_seat",
                table: "appointments",
                columns: new[] { "place_id", "starts_at", "seat" },
                unique: true,
                filter: "status IN ('Booked', 'Attended', 'NoShow')");

            migrationBuilder.CreateIndex(
                name: "ix_closed_days_date",
                table: "closed_days",
                column: "date");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appointments");

            migrationBuilder.DropTable(
                name: "closed_days");

            migrationBuilder.DropTable(
                name: "viewing_places");
        }
    }
}
