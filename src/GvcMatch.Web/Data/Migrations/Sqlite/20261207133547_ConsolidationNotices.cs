using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IsicCodes = table.Column<string>(type: "TEXT", nullable: false),
                    HsCodes = table.Column<string>(type: "TEXT", nullable: false),
                    Concepts = table.Column<string>(type: "TEXT", nullable: false),
                    Countries = table.Column<string>(type: "TEXT", nullable: false),
                    Regions = table.Column<string>(type: "TEXT", nullable: false),
                    Criteria = table.Column<string>(type: "TEXT", nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NoticeDays = table.Column<int>(type: "INTEGER", nullable: true),
                    AffectedStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AffectedProcessed = table.Column<int>(type: "INTEGER", nullable: false),
                    AffectedTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoreAtNotice = table.Column<double>(type: "REAL", nullable: false),
                    QualifiedAtNotice = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    OutcomeReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ScoreAtDecision = table.Column<double>(type: "REAL", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangeNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Criteria = table.Column<string>(type: "TEXT", nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
