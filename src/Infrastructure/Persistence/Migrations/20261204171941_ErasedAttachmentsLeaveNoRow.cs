using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CctvRequests.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ErasedAttachmentsLeaveNoRow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Erasure used to detach a request's files instead of deleting their rows: each kept the
            // citizen's file name, size, SHA-256 and storage key. They go; the storage reconciler then
            // deletes any stored file no row names any more.
            migrationBuilder.Sql("DELETE FROM request_attachments WHERE request_id IS NULL;");
            migrationBuilder.AlterColumn<Guid>(
                name: "request_id",
                table: "request_attachments",
                type: "uuid",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "request_id",
                table: "request_attachments",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");
        }
    }
}
