using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Subject = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    OwnerOrganizationId = table.Column<int>(type: "integer", nullable: false),
                    TemplateRef = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TermMonths = table.Column<int>(type: "integer", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    GoverningLaw = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Jurisdiction = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NdaPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ndas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Subject = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    SubjectTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OwnerOrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OwnerOrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecipientOrganizationId = table.Column<int>(type: "integer", nullable: false),
                    RecipientOrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AcceptedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AcceptedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcceptedFromAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TemplateRef = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TemplateVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Text = table.Column<string>(type: "character varying(24000)", maxLength: 24000, nullable: false),
                    TextSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ndas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NdaTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NdaTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProtectedDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Subject = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    OwnerOrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CurrentRevision = table.Column<int>(type: "integer", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MaxDownloads = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectedDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProtectedDocumentDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Fingerprint = table.Column<long>(type: "bigint", nullable: true),
                    Refusal = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Named = table.Column<bool>(type: "boolean", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProtectedKey = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    UploadedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
