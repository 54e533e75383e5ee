using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CctvRequests.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PaperNumbersHandOver : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "cancellation_reason",
                table: "status_changes",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(30)",
                oldMaxLength: 30,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "centre_head_title_en",
                table: "organization_profile",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "centre_head_title_th",
                table: "organization_profile",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "chief_executive_title_en",
                table: "organization_profile",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "chief_executive_title_th",
                table: "organization_profile",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "deputy_title_en",
                table: "organization_profile",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "deputy_title_th",
                table: "organization_profile",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "form_title_en",
                table: "organization_profile",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "form_title_th",
                table: "organization_profile",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<byte[]>(
                name: "logo_png",
                table: "organization_profile",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "logo_version",
                table: "organization_profile",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "officer_title_en",
                table: "organization_profile",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "officer_title_th",
                table: "organization_profile",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "decided_at",
                table: "footage_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cancellation_reasons",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    label_th = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    label_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    is_system = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cancellation_reasons", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "request_handovers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    medium = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    received_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    signature_png = table.Column<byte[]>(type: "bytea", nullable: true),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_handovers", x => x.id);
                    table.ForeignKey(
                        name: "fk_request_handovers_footage_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "footage_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "request_handover_clips",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    hand_over_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_handover_clips", x => x.id);
                    table.ForeignKey(
                        name: "fk_request_handover_clips_request_handovers_hand_over_id",
                        column: x => x.hand_over_id,
                        principalTable: "request_handovers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_footage_requests_decided_at",
                table: "footage_requests",
                column: "decided_at");

            migrationBuilder.CreateIndex(
                name: "ix_request_handover_clips_hand_over_id",
                table: "request_handover_clips",
                column: "hand_over_id");

            migrationBuilder.CreateIndex(
                name: "ix_request_handovers_request_id",
                table: "request_handovers",
                column: "request_id");

            // Requests decided before the column existed: their decision is the last move to a final status.
            migrationBuilder.Sql("""
                UPDATE footage_requests r SET decided_at = d.at
                FROM (SELECT request_id, max("at") AS at FROM status_changes WHERE "to" IN ('Approved', 'Cancelled') GROUP BY request_id) d
                WHERE d.request_id = r.id AND r.status IN ('Approved', 'Cancelled');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cancellation_reasons");

            migrationBuilder.DropTable(
                name: "request_handover_clips");

            migrationBuilder.DropTable(
                name: "request_handovers");

            migrationBuilder.DropIndex(
                name: "ix_footage_requests_decided_at",
                table: "footage_requests");

            migrationBuilder.DropColumn(
                name: "centre_head_title_en",
                table: "organization_profile");

            migrationBuilder.DropColumn(
                name: "centre_head_title_th",
                table: "organization_profile");

            migrationBuilder.DropColumn(
                name: "chief_executive_title_en",
                table: "organization_profile");

            migrationBuilder.DropColumn(
                name: "chief_executive_title_th",
                table: "organization_profile");

            migrationBuilder.DropColumn(
                name: "deputy_title_en",
                table: "organization_profile");

            migrationBuilder.DropColumn(
                name: "deputy_title_th",
                table: "organization_profile");

            migrationBuilder.DropColumn(
                name: "form_title_en",
                table: "organization_profile");

            migrationBuilder.DropColumn(
                name: "form_title_th",
                table: "organization_profile");

            migrationBuilder.DropColumn(
                name: "logo_png",
                table: "organization_profile");

            migrationBuilder.DropColumn(
                name: "logo_version",
                table: "organization_profile");

            migrationBuilder.DropColumn(
                name: "officer_title_en",
                table: "organization_profile");

            migrationBuilder.DropColumn(
                name: "officer_title_th",
                table: "organization_profile");

            migrationBuilder.DropColumn(
                name: "decided_at",
                table: "footage_requests");

            migrationBuilder.AlterColumn<string>(
                name: "cancellation_reason",
                table: "status_changes",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);

        }
    }
}
