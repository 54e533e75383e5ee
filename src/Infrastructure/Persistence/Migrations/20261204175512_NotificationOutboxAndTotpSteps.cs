using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CctvRequests.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NotificationOutboxAndTotpSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    @event = table.Column<string>(name: "event", type: "character varying(32)", maxLength: 32, nullable: false),
                    language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    recipient = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    body = table.Column<string>(type: "text", nullable: true),
                    html_body = table.Column<string>(type: "text", nullable: true),
                    unsubscribe_url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_outbox_messages_footage_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "footage_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "staff_totp_steps",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_step = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_totp_steps", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_staff_totp_steps_staff_users_user_id",
                        column: x => x.user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_due",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "status IN ('Queued', 'Failed')");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_request_id",
                table: "outbox_messages",
                column: "request_id");

            // A committed message (or one an administrator queued again) wakes the dispatchers of every node:
            // NOTIFY is delivered at commit, never on rollback.
            migrationBuilder.Sql("""
                CREATE FUNCTION outbox_messages_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('cctv_outbox', '');
                    RETURN NULL;
                END $$;
                CREATE TRIGGER outbox_messages_notify AFTER INSERT ON outbox_messages
                    FOR EACH STATEMENT EXECUTE FUNCTION outbox_messages_notify();
                CREATE TRIGGER outbox_messages_requeued AFTER UPDATE OF status ON outbox_messages
                    FOR EACH ROW WHEN (NEW.status = 'Queued' AND OLD.status <> 'Queued') EXECUTE FUNCTION outbox_messages_notify();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS outbox_messages_requeued ON outbox_messages;
                DROP TRIGGER IF EXISTS outbox_messages_notify ON outbox_messages;
                DROP FUNCTION IF EXISTS outbox_messages_notify();
                """);
            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "staff_totp_steps");
        }
    }
}
