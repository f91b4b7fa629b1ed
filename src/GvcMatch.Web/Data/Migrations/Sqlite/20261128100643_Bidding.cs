using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Bidding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Lots",
                table: "RequirementVersions",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Lots",
                table: "Requirements",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "ConsortiumId",
                table: "Conversation",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Consortia",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequirementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LeadOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consortia", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consortia_Organizations_LeadOrganizationId",
                        column: x => x.LeadOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Consortia_Requirements_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GroupCertificates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClusterOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Standard = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Verified = table.Column<bool>(type: "INTEGER", nullable: false),
                    MemberOrganizationIds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupCertificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupCertificates_Organizations_ClusterOrganizationId",
                        column: x => x.ClusterOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequirementId = table.Column<int>(type: "INTEGER", nullable: false),
                    BuyerOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    LotNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Cancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    WinnerOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    WinnerConsortiumId = table.Column<int>(type: "INTEGER", nullable: true),
                    WinnerIsSme = table.Column<bool>(type: "INTEGER", nullable: false),
                    SmeMemberCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    BidCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DaysToDecision = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RequirementQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequirementId = table.Column<int>(type: "INTEGER", nullable: false),
                    AskedByOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    AskedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequirementQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequirementQuestions_Organizations_AskedByOrganizationId",
                        column: x => x.AskedByOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RequirementQuestions_Requirements_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Bids",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequirementId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsortiumId = table.Column<int>(type: "INTEGER", nullable: true),
                    PartyKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AnsweredVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Lots = table.Column<string>(type: "TEXT", nullable: false),
                    Price = table.Column<double>(type: "REAL", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    PriceBasis = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeadTimeDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Incoterms = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    PaymentTermsDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bids", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bids_Consortia_ConsortiumId",
                        column: x => x.ConsortiumId,
                        principalTable: "Consortia",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Bids_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Bids_Requirements_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsortiumMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsortiumId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SharePercent = table.Column<double>(type: "REAL", nullable: false),
                    Work = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Criteria = table.Column<string>(type: "TEXT", nullable: false),
                    Lots = table.Column<string>(type: "TEXT", nullable: false),
                    InvitedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    InvitedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RespondedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsortiumMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsortiumMembers_Consortia_ConsortiumId",
                        column: x => x.ConsortiumId,
                        principalTable: "Consortia",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConsortiumMembers_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Awards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequirementId = table.Column<int>(type: "INTEGER", nullable: false),
                    LotNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    BidId = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<double>(type: "REAL", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AwardedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AwardedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Awards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Awards_Bids_BidId",
                        column: x => x.BidId,
                        principalTable: "Bids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Awards_Requirements_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BidAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BidId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Number = table.Column<double>(type: "REAL", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BidAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BidAnswers_Bids_BidId",
                        column: x => x.BidId,
                        principalTable: "Bids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BidDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BidId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BidDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BidDocuments_Bids_BidId",
                        column: x => x.BidId,
                        principalTable: "Bids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BidScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BidId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Computed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScoredByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ScoredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BidScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BidScores_Bids_BidId",
                        column: x => x.BidId,
                        principalTable: "Bids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BidSubcontractor",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BidId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Work = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SharePercent = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BidSubcontractor", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BidSubcontractor_Bids_BidId",
                        column: x => x.BidId,
                        principalTable: "Bids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequirementId = table.Column<int>(type: "INTEGER", nullable: false),
                    BidId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Closed = table.Column<bool>(type: "INTEGER", nullable: false),
                    LodgedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Complaints_Bids_BidId",
                        column: x => x.BidId,
                        principalTable: "Bids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintEntry",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromBuyer = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintEntry_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Awards_BidId",
                table: "Awards",
                column: "BidId");

            migrationBuilder.CreateIndex(
                name: "IX_Awards_RequirementId_LotNumber",
                table: "Awards",
                columns: new[] { "RequirementId", "LotNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BidAnswers_BidId_CriterionIndex",
                table: "BidAnswers",
                columns: new[] { "BidId", "CriterionIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BidDocuments_BidId",
                table: "BidDocuments",
                column: "BidId");

            migrationBuilder.CreateIndex(
                name: "IX_Bids_ConsortiumId",
                table: "Bids",
                column: "ConsortiumId");

            migrationBuilder.CreateIndex(
                name: "IX_Bids_OrganizationId",
                table: "Bids",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Bids_RequirementId_PartyKey",
                table: "Bids",
                columns: new[] { "RequirementId", "PartyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BidScores_BidId_CriterionIndex",
                table: "BidScores",
                columns: new[] { "BidId", "CriterionIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BidSubcontractor_BidId",
                table: "BidSubcontractor",
                column: "BidId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintEntry_ComplaintId",
                table: "ComplaintEntry",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_BidId",
                table: "Complaints",
                column: "BidId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_RequirementId",
                table: "Complaints",
                column: "RequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_Consortia_LeadOrganizationId",
                table: "Consortia",
                column: "LeadOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Consortia_RequirementId",
                table: "Consortia",
                column: "RequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsortiumMembers_ConsortiumId_OrganizationId",
                table: "ConsortiumMembers",
                columns: new[] { "ConsortiumId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsortiumMembers_OrganizationId",
                table: "ConsortiumMembers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupCertificates_ClusterOrganizationId",
                table: "GroupCertificates",
                column: "ClusterOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupCertificates_Standard",
                table: "GroupCertificates",
                column: "Standard");

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeRecords_BuyerOrganizationId",
                table: "OutcomeRecords",
                column: "BuyerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeRecords_RequirementId_LotNumber",
                table: "OutcomeRecords",
                columns: new[] { "RequirementId", "LotNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequirementQuestions_AskedByOrganizationId",
                table: "RequirementQuestions",
                column: "AskedByOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_RequirementQuestions_RequirementId_AskedAt",
                table: "RequirementQuestions",
                columns: new[] { "RequirementId", "AskedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Awards");

            migrationBuilder.DropTable(
                name: "BidAnswers");

            migrationBuilder.DropTable(
                name: "BidDocuments");

            migrationBuilder.DropTable(
                name: "BidScores");

            migrationBuilder.DropTable(
                name: "BidSubcontractor");

            migrationBuilder.DropTable(
                name: "ComplaintEntry");

            migrationBuilder.DropTable(
                name: "ConsortiumMembers");

            migrationBuilder.DropTable(
                name: "GroupCertificates");

            migrationBuilder.DropTable(
                name: "OutcomeRecords");

            migrationBuilder.DropTable(
                name: "RequirementQuestions");

            migrationBuilder.DropTable(
                name: "Complaints");

            migrationBuilder.DropTable(
                name: "Bids");

            migrationBuilder.DropTable(
                name: "Consortia");

            migrationBuilder.DropColumn(
                name: "Lots",
                table: "RequirementVersions");

            migrationBuilder.DropColumn(
                name: "Lots",
                table: "Requirements");

            migrationBuilder.DropColumn(
                name: "ConsortiumId",
                table: "Conversation");
        }
    }
}
