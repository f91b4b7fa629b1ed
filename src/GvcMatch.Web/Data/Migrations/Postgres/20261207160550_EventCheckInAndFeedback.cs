using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EventCheckInAndFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CheckedInAt",
                table: "EventParticipant",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FollowUpConversationId",
                table: "EventMeeting",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RecipientNoShow",
                table: "EventMeeting",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RequesterNoShow",
                table: "EventMeeting",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "EventMeetingFeedback",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Useful = table.Column<bool>(type: "boolean", nullable: false),
                    FollowUpPlanned = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    GivenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventMeetingFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventMeetingFeedback_EventMeeting_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "EventMeeting",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EventMeetingFeedback_EventParticipant_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "EventParticipant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EventReminder",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Recipients = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventReminder", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventReminder_MatchmakingEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "MatchmakingEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EventMeetingFeedback_MeetingId_ParticipantId",
                table: "EventMeetingFeedback",
                columns: new[] { "MeetingId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventMeetingFeedback_ParticipantId",
                table: "EventMeetingFeedback",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_EventReminder_EventId",
                table: "EventReminder",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_EventReminder_Key",
                table: "EventReminder",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventMeetingFeedback");

            migrationBuilder.DropTable(
                name: "EventReminder");

            migrationBuilder.DropColumn(
                name: "CheckedInAt",
                table: "EventParticipant");

            migrationBuilder.DropColumn(
                name: "FollowUpConversationId",
                table: "EventMeeting");

            migrationBuilder.DropColumn(
                name: "RecipientNoShow",
                table: "EventMeeting");

            migrationBuilder.DropColumn(
                name: "RequesterNoShow",
                table: "EventMeeting");
        }
    }
}
