using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EventCheckInAndFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CheckedInAt",
                table: "EventParticipant",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FollowUpConversationId",
                table: "EventMeeting",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RecipientNoShow",
                table: "EventMeeting",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RequesterNoShow",
                table: "EventMeeting",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "EventMeetingFeedback",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Useful = table.Column<bool>(type: "INTEGER", nullable: false),
                    FollowUpPlanned = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    GivenAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
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
