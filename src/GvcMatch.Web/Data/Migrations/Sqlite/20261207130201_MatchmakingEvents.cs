using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MatchmakingEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MatchmakingEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizerOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    VideoLink = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FirstDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    DayStart = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    DayEnd = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    MeetingMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Breaks = table.Column<string>(type: "TEXT", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Tables = table.Column<int>(type: "INTEGER", nullable: false),
                    RegistrationOpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegistrationClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", nullable: false),
                    Countries = table.Column<string>(type: "TEXT", nullable: false),
                    Sectors = table.Column<string>(type: "TEXT", nullable: false),
                    RequirementIds = table.Column<string>(type: "TEXT", nullable: false),
                    RequestLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ScheduleState = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SchedulePlaced = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduleRequested = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduleUpperBound = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ScheduleError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchmakingEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchmakingEvents_Organizations_OrganizerOrganizationId",
                        column: x => x.OrganizerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EventParticipant",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Offers = table.Column<string>(type: "TEXT", nullable: false),
                    Seeks = table.Column<string>(type: "TEXT", nullable: false),
                    Availability = table.Column<string>(type: "TEXT", nullable: false),
                    RequirementIds = table.Column<string>(type: "TEXT", nullable: false),
                    FeedToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventParticipant", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventParticipant_MatchmakingEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "MatchmakingEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EventParticipant_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EventMeeting",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequesterId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientId = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Slot = table.Column<int>(type: "INTEGER", nullable: true),
                    Table = table.Column<int>(type: "INTEGER", nullable: true),
                    Locked = table.Column<bool>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    UnplacedReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventMeeting", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventMeeting_EventParticipant_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "EventParticipant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EventMeeting_EventParticipant_RequesterId",
                        column: x => x.RequesterId,
                        principalTable: "EventParticipant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EventMeeting_MatchmakingEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "MatchmakingEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EventMeeting_EventId_Status",
                table: "EventMeeting",
                columns: new[] { "EventId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EventMeeting_RecipientId",
                table: "EventMeeting",
                column: "RecipientId");

            migrationBuilder.CreateIndex(
                name: "IX_EventMeeting_RequesterId",
                table: "EventMeeting",
                column: "RequesterId");

            migrationBuilder.CreateIndex(
                name: "IX_EventParticipant_EventId_OrganizationId",
                table: "EventParticipant",
                columns: new[] { "EventId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventParticipant_FeedToken",
                table: "EventParticipant",
                column: "FeedToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventParticipant_OrganizationId",
                table: "EventParticipant",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingEvents_FirstDay",
                table: "MatchmakingEvents",
                column: "FirstDay");

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingEvents_OrganizerOrganizationId",
                table: "MatchmakingEvents",
                column: "OrganizerOrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventMeeting");

            migrationBuilder.DropTable(
                name: "EventParticipant");

            migrationBuilder.DropTable(
                name: "MatchmakingEvents");
        }
    }
}
