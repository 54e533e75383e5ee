using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CctvRequests.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OnlineCopy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_online",
                table: "request_handovers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "online_ended_at",
                table: "footage_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "online_ended_because",
                table: "footage_requests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "online_expires_on",
                table: "footage_requests",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "online_locked_at",
                table: "footage_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "online_published_at",
                table: "footage_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "online_published_by_id",
                table: "footage_requests",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "online_published_by_name",
                table: "footage_requests",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "online_wrong_checks",
                table: "footage_requests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "online_wrong_checks_on",
                table: "footage_requests",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "clip_uploads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    total_bytes = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clip_uploads", x => x.id);
                    table.ForeignKey(
                        name: "fk_clip_uploads_footage_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "footage_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "delivered_clips",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    storage_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uploaded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delivered_clips", x => x.id);
                    table.ForeignKey(
                        name: "fk_delivered_clips_footage_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "footage_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "request_handover_downloads",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    bytes_sent = table.Column<long>(type: "bigint", nullable: false),
                    range_start = table.Column<long>(type: "bigint", nullable: true),
                    client = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hand_over_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_handover_downloads", x => x.id);
                    table.ForeignKey(
                        name: "fk_request_handover_downloads_request_handovers_hand_over_id",
                        column: x => x.hand_over_id,
                        principalTable: "request_handovers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_footage_requests_online_due",
                table: "footage_requests",
                column: "online_expires_on",
                filter: "online_published_at IS NOT NULL AND online_ended_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_clip_uploads_created_at",
                table: "clip_uploads",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_clip_uploads_request_id",
                table: "clip_uploads",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_delivered_clips_request_id",
                table: "delivered_clips",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_delivered_clips_storage_key",
                table: "delivered_clips",
                column: "storage_key");

            migrationBuilder.CreateIndex(
                name: "ix_request_handover_downloads_hand_over_id",
                table: "request_handover_downloads",
                column: "hand_over_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clip_uploads");

            migrationBuilder.DropTable(
                name: "delivered_clips");

            migrationBuilder.DropTable(
                name: "request_handover_downloads");

            migrationBuilder.DropIndex(
                name: "ix_footage_requests_online_due",
                table: "footage_requests");

            migrationBuilder.DropColumn(
                name: "is_online",
                table: "request_handovers");

            migrationBuilder.DropColumn(
                name: "online_ended_at",
                table: "footage_requests");

            migrationBuilder.DropColumn(
                name: "online_ended_because",
                table: "footage_requests");

            migrationBuilder.DropColumn(
                name: "online_expires_on",
                table: "footage_requests");

            migrationBuilder.DropColumn(
                name: "online_locked_at",
                table: "footage_requests");

            migrationBuilder.DropColumn(
                name: "online_published_at",
                table: "footage_requests");

            migrationBuilder.DropColumn(
                name: "online_published_by_id",
                table: "footage_requests");

            migrationBuilder.DropColumn(
                name: "online_published_by_name",
                table: "footage_requests");

            migrationBuilder.DropColumn(
                name: "online_wrong_checks",
                table: "footage_requests");

            migrationBuilder.DropColumn(
                name: "online_wrong_checks_on",
                table: "footage_requests");
        }
    }
}
