using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DevelopmentProgrammesAndDeclaredShares : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeclaredRevenueShares",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CustomerOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    SharePercent = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    DeclaredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeclaredRevenueShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeclaredRevenueShares_Organizations_CustomerOrganizationId",
                        column: x => x.CustomerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_DeclaredRevenueShares_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DevelopmentProgrammes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Aim = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsicCodes = table.Column<string>(type: "TEXT", nullable: false),
                    HsCodes = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevelopmentProgrammes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DevelopmentProgrammes_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeEnrolments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InvitedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeEnrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeEnrolments_DevelopmentProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "DevelopmentProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgrammeEnrolments_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeMilestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnrolmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Standard = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    ConceptId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Minimum = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Period = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeMilestones_DevelopmentProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "DevelopmentProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgrammeMilestones_ProgrammeEnrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "ProgrammeEnrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeMilestoneMarks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MilestoneId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnrolmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MarkedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    MarkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeMilestoneMarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeMilestoneMarks_ProgrammeEnrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "ProgrammeEnrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgrammeMilestoneMarks_ProgrammeMilestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "ProgrammeMilestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeclaredRevenueShares_CustomerOrganizationId",
                table: "DeclaredRevenueShares",
                column: "CustomerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DeclaredRevenueShares_OrganizationId_Year",
                table: "DeclaredRevenueShares",
                columns: new[] { "OrganizationId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentProgrammes_EndsOn",
                table: "DevelopmentProgrammes",
                column: "EndsOn");

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentProgrammes_OrganizationId",
                table: "DevelopmentProgrammes",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeEnrolments_OrganizationId",
                table: "ProgrammeEnrolments",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeEnrolments_ProgrammeId_OrganizationId",
                table: "ProgrammeEnrolments",
                columns: new[] { "ProgrammeId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeMilestoneMarks_EnrolmentId",
                table: "ProgrammeMilestoneMarks",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeMilestoneMarks_MilestoneId_EnrolmentId",
                table: "ProgrammeMilestoneMarks",
                columns: new[] { "MilestoneId", "EnrolmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeMilestones_EnrolmentId",
                table: "ProgrammeMilestones",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeMilestones_ProgrammeId",
                table: "ProgrammeMilestones",
                column: "ProgrammeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeclaredRevenueShares");

            migrationBuilder.DropTable(
                name: "ProgrammeMilestoneMarks");

            migrationBuilder.DropTable(
                name: "ProgrammeMilestones");

            migrationBuilder.DropTable(
                name: "ProgrammeEnrolments");

            migrationBuilder.DropTable(
                name: "DevelopmentProgrammes");
        }
    }
}
