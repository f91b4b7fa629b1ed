using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LicensingTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "IpListingId",
                table: "Offer",
                type: "integer",
                nullable: true);

            // Every offer made before licence term sheets existed is a supply offer.
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Offer",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Supply");

            migrationBuilder.AddColumn<string>(
                name: "LicenceTerms",
                table: "Offer",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OfferedTerms",
                table: "IpListings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Seeking",
                table: "IpListings",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IpListingId",
                table: "Offer");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Offer");

            migrationBuilder.DropColumn(
                name: "LicenceTerms",
                table: "Offer");

            migrationBuilder.DropColumn(
                name: "OfferedTerms",
                table: "IpListings");

            migrationBuilder.DropColumn(
                name: "Seeking",
                table: "IpListings");
        }
    }
}
