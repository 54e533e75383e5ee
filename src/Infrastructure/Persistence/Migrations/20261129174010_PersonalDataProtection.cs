using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CctvRequests.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PersonalDataProtection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Identity numbers become encrypted (applicant_id_cipher) and found by a keyed blind index
            // (applicant_id_index). The keys are the application's, not SQL's: the clear numbers are
            // kept in applicant_id_plain here, and DatabaseInitializer.ProtectIdentitiesAsync encrypts
            // them at the next start, then makes the cipher NOT NULL and drops the clear column.
            migrationBuilder.DropIndex(
                name: "ix_footage_requests_applicant_id_number",
                table: "footage_requests");

            migrationBuilder.RenameColumn(
                name: "applicant_id_number",
                table: "footage_requests",
                newName: "applicant_id_plain");

            migrationBuilder.AlterColumn<string>(
                name: "applicant_id_plain",
                table: "footage_requests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);

            migrationBuilder.AddColumn<byte[]>(
                name: "applicant_id_cipher",
                table: "footage_requests",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "applicant_id_index",
                table: "footage_requests",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "erased_at",
                table: "footage_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_footage_requests_applicant_id_index",
                table: "footage_requests",
                column: "applicant_id_index");

            migrationBuilder.CreateIndex(
                name: "ix_footage_requests_erased_at",
                table: "footage_requests",
                column: "erased_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("Identity numbers are encrypted with the application's keys; going back needs a backup from before this migration.");
    }
}
