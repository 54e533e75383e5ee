using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CctvRequests.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CitizenNotificationPreferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "notify_by_sms",
                table: "footage_requests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "notify_email",
                table: "footage_requests",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "notify_status_token",
                table: "footage_requests",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "notify_stopped_at",
                table: "footage_requests",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "notify_by_sms",
                table: "footage_requests");

            migrationBuilder.DropColumn(
                name: "notify_email",
                table: "footage_requests");

            migrationBuilder.DropColumn(
                name: "notify_status_token",
                table: "footage_requests");

            migrationBuilder.DropColumn(
                name: "notify_stopped_at",
                table: "footage_requests");
        }
    }
}
