using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CctvRequests.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OneShapePassportsOrganization : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Stored answers of the old shape cannot be replayed; they only live 24 hours anyway.
            migrationBuilder.Sql("DELETE FROM idempotency_records;");

            migrationBuilder.DropForeignKey(
                name: "fk_idempotency_records_footage_requests_request_id",
                table: "idempotency_records");

            migrationBuilder.DropIndex(
                name: "ix_idempotency_records_request_id",
                table: "idempotency_records");

            migrationBuilder.DropIndex(
                name: "ix_footage_requests_applicant_national_id",
                table: "footage_requests");

            migrationBuilder.DropColumn(
                name: "protected_token",
                table: "idempotency_records");

            migrationBuilder.DropColumn(
                name: "request_id",
                table: "idempotency_records");

            migrationBuilder.AddColumn<string>(
                name: "protected_answer",
                table: "idempotency_records",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "applicant_id_country",
                table: "footage_requests",
                type: "character(3)",
                fixedLength: true,
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "applicant_id_kind",
                table: "footage_requests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "applicant_id_number",
                table: "footage_requests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            // Every existing applicant filed with a Thai national ID.
            migrationBuilder.Sql("UPDATE footage_requests SET applicant_id_kind = 'NationalId', applicant_id_number = applicant_national_id;");

            migrationBuilder.DropColumn(
                name: "applicant_national_id",
                table: "footage_requests");

            migrationBuilder.CreateTable(
                name: "organization_profile",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    name_th = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    department_th = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    department_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    address_th = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    address_en = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    phone_extension = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    approved_instructions_th = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    approved_instructions_en = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organization_profile", x => x.id);
                    table.CheckConstraint("ck_organization_profile_single_row", "id = 1");
                });

            // The profile is data, loaded from Content/organization.json at first start (see OrganizationSeed).

            migrationBuilder.CreateIndex(
                name: "ix_footage_requests_applicant_id_number",
                table: "footage_requests",
                column: "applicant_id_number");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "organization_profile");

            migrationBuilder.DropIndex(
                name: "ix_footage_requests_applicant_id_number",
                table: "footage_requests");

            migrationBuilder.DropColumn(
                name: "protected_answer",
                table: "idempotency_records");

            migrationBuilder.DropColumn(
                name: "applicant_id_country",
                table: "footage_requests");

            migrationBuilder.DropColumn(
                name: "applicant_id_kind",
                table: "footage_requests");

            migrationBuilder.DropColumn(
                name: "applicant_id_number",
                table: "footage_requests");

            migrationBuilder.AddColumn<string>(
                name: "protected_token",
                table: "idempotency_records",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "request_id",
                table: "idempotency_records",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "applicant_national_id",
                table: "footage_requests",
                type: "character(13)",
                fixedLength: true,
                maxLength: 13,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_request_id",
                table: "idempotency_records",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_footage_requests_applicant_national_id",
                table: "footage_requests",
                column: "applicant_national_id");

            migrationBuilder.AddForeignKey(
                name: "fk_idempotency_records_footage_requests_request_id",
                table: "idempotency_records",
                column: "request_id",
                principalTable: "footage_requests",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
