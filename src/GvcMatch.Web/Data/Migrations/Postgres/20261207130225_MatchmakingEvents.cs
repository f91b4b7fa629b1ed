using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizerOrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    VideoLink = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    DayStart = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    DayEnd = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    MeetingMinutes = table.Column<int>(type: "integer", nullable: false),
                    Breaks = table.Column<string>(type: "text", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Tables = table.Column<int>(type: "integer", nullable: false),
                    RegistrationOpensAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegistrationClosesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Audience = table.Column<List<string>>(type: "text[]", nullable: false),
                    Countries = table.Column<List<string>>(type: "text[]", nullable: false),
                    Sectors = table.Column<List<string>>(type: "text[]", nullable: false),
                    RequirementIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    RequestLimit = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ScheduleState = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SchedulePlaced = table.Column<int>(type: "integer", nullable: false),
                    ScheduleRequested = table.Column<int>(type: "integer", nullable: false),
                    ScheduleUpperBound = table.Column<int>(type: "integer", nullable: false),
                    ScheduledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ScheduleError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Offers = table.Column<List<string>>(type: "text[]", nullable: false),
                    Seeks = table.Column<List<string>>(type: "text[]", nullable: false),
                    Availability = table.Column<string>(type: "text", nullable: false),
                    RequirementIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    FeedToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    RequesterId = table.Column<int>(type: "integer", nullable: false),
                    RecipientId = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DeclineReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Slot = table.Column<int>(type: "integer", nullable: true),
                    Table = table.Column<int>(type: "integer", nullable: true),
                    Locked = table.Column<bool>(type: "boolean", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    UnplacedReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
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
