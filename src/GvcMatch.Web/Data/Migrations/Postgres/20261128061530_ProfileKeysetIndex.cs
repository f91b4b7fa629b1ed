using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProfileKeysetIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Profiles_Status",
                table: "Profiles");

            migrationBuilder.CreateIndex(
                name: "IX_Profiles_Status_OrganizationId",
                table: "Profiles",
                columns: new[] { "Status", "OrganizationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Profiles_Status_OrganizationId",
                table: "Profiles");

            migrationBuilder.CreateIndex(
                name: "IX_Profiles_Status",
                table: "Profiles",
                column: "Status");
        }
    }
}
