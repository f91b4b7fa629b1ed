using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConsolidationNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsolidationNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IsicCodes = table.Column<string>(type: "text", nullable: false),
                    HsCodes = table.Column<string>(type: "text", nullable: false),
                    Concepts = table.Column<string>(type: "text", nullable: false),
                    Countries = table.Column<string>(type: "text", nullable: false),
                    Regions = table.Column<string>(type: "text", nullable: false),
                    Criteria = table.Column<string>(type: "text", nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NoticeDays = table.Column<int>(type: "integer", nullable: true),
                    AffectedStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AffectedProcessed = table.Column<int>(type: "integer", nullable: false),
                    AffectedTotal = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsolidationNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsolidationNotices_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AffectedSuppliers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NoticeId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    ScoreAtNotice = table.Column<double>(type: "double precision", nullable: false),
                    QualifiedAtNotice = table.Column<bool>(type: "boolean", nullable: false),
                    NotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OutcomeReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ScoreAtDecision = table.Column<double>(type: "double precision", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AffectedSuppliers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AffectedSuppliers_ConsolidationNotices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "ConsolidationNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AffectedSuppliers_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsolidationNoticeVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NoticeId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangeNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Criteria = table.Column<string>(type: "text", nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsolidationNoticeVersion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsolidationNoticeVersion_ConsolidationNotices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "ConsolidationNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AffectedSuppliers_NoticeId_OrganizationId",
                table: "AffectedSuppliers",
                columns: new[] { "NoticeId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AffectedSuppliers_OrganizationId",
                table: "AffectedSuppliers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsolidationNotices_OrganizationId",
                table: "ConsolidationNotices",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsolidationNotices_Status_DecisionDate",
                table: "ConsolidationNotices",
                columns: new[] { "Status", "DecisionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsolidationNoticeVersion_NoticeId_Number",
                table: "ConsolidationNoticeVersion",
                columns: new[] { "NoticeId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AffectedSuppliers");

            migrationBuilder.DropTable(
                name: "ConsolidationNoticeVersion");

            migrationBuilder.DropTable(
                name: "ConsolidationNotices");
        }
    }
}
