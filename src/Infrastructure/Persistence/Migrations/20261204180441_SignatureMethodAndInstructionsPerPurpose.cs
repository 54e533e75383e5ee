using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CctvRequests.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// How each applicant signed (every request before this one was drawn: the form offered nothing
    /// else), and the approved-request instructions per purpose: the one text so far told the
    /// applicant to bring a storage medium, so it becomes the copy's; the view's stays empty here and
    /// the organization's seed file fills it at the next start (<c>OrganizationSeed</c>).
    /// </summary>
    public partial class SignatureMethodAndInstructionsPerPurpose : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "approved_instructions_th",
                table: "organization_profile",
                newName: "approved_copy_instructions_th");

            migrationBuilder.RenameColumn(
                name: "approved_instructions_en",
                table: "organization_profile",
                newName: "approved_copy_instructions_en");

            migrationBuilder.AddColumn<string>(
                name: "approved_view_instructions_th",
                table: "organization_profile",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "approved_view_instructions_en",
                table: "organization_profile",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "signature_method",
                table: "footage_requests",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Drawn");

            // The default was for the rows already there; a new request always says how it was signed.
            migrationBuilder.Sql("ALTER TABLE footage_requests ALTER COLUMN signature_method DROP DEFAULT;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "approved_view_instructions_th",
                table: "organization_profile");

            migrationBuilder.DropColumn(
                name: "approved_view_instructions_en",
                table: "organization_profile");

            migrationBuilder.DropColumn(
                name: "signature_method",
                table: "footage_requests");

            migrationBuilder.RenameColumn(
                name: "approved_copy_instructions_th",
                table: "organization_profile",
                newName: "approved_instructions_th");

            migrationBuilder.RenameColumn(
                name: "approved_copy_instructions_en",
                table: "organization_profile",
                newName: "approved_instructions_en");
        }
    }
}
