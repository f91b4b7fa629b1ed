using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NdasAndProtectedDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NdaPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    TemplateRef = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TermMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    GoverningLaw = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Jurisdiction = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NdaPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ndas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerOrganizationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecipientOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientOrganizationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AcceptedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AcceptedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcceptedFromAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TemplateRef = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TemplateVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 24000, nullable: false),
                    TextSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ndas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NdaTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NdaTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProtectedDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CurrentRevision = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MaxDownloads = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectedDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProtectedDocumentDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganizationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Fingerprint = table.Column<long>(type: "INTEGER", nullable: true),
                    Refusal = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectedDocumentDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProtectedDocumentDeliveries_ProtectedDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "ProtectedDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProtectedDocumentRecipients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Named = table.Column<bool>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectedDocumentRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProtectedDocumentRecipients_ProtectedDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "ProtectedDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProtectedRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProtectedKey = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectedRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProtectedRevisions_ProtectedDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "ProtectedDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NdaPolicies_Subject_SubjectId",
                table: "NdaPolicies",
                columns: new[] { "Subject", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ndas_OwnerOrganizationId",
                table: "Ndas",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Ndas_RecipientOrganizationId",
                table: "Ndas",
                column: "RecipientOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Ndas_Subject_SubjectId_RecipientOrganizationId",
                table: "Ndas",
                columns: new[] { "Subject", "SubjectId", "RecipientOrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_NdaTemplates_OrganizationId",
                table: "NdaTemplates",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtectedDocumentDeliveries_DocumentId_At",
                table: "ProtectedDocumentDeliveries",
                columns: new[] { "DocumentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ProtectedDocumentDeliveries_Fingerprint",
                table: "ProtectedDocumentDeliveries",
                column: "Fingerprint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProtectedDocumentRecipients_DocumentId_OrganizationId",
                table: "ProtectedDocumentRecipients",
                columns: new[] { "DocumentId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProtectedDocuments_OwnerOrganizationId",
                table: "ProtectedDocuments",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtectedDocuments_Subject_SubjectId",
                table: "ProtectedDocuments",
                columns: new[] { "Subject", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProtectedRevisions_DocumentId_Number",
                table: "ProtectedRevisions",
                columns: new[] { "DocumentId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NdaPolicies");

            migrationBuilder.DropTable(
                name: "Ndas");

            migrationBuilder.DropTable(
                name: "NdaTemplates");

            migrationBuilder.DropTable(
                name: "ProtectedDocumentDeliveries");

            migrationBuilder.DropTable(
                name: "ProtectedDocumentRecipients");

            migrationBuilder.DropTable(
                name: "ProtectedRevisions");

            migrationBuilder.DropTable(
                name: "ProtectedDocuments");
        }
    }
}
