namespace CommunityPlanning.Bot.Tests.Deployment;

public sealed class IconTests
{
    private static string Icon(string name) => RepositoryPaths.Combine("manifest", "teams", name);

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icon_Size_IsWhatTeamsExpects(string name, int size)
    {
        var image = PngImage.Load(Icon(name));

        Assert.Equal((size, size), (image.Width, image.Height));
    }

    [Fact]
    public void Outline_Pixels_AreOnlyWhiteOrTransparent()
    {
        var image = PngImage.Load(Icon("outline.png"));
        Assert.Equal(6, image.ColourType);

        var rows = image.ReadRgbaRows();
        var offenders = new List<string>();
        var visible = 0;
        for (var y = 0; y < rows.Length; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b, a) = (rows[y][x * 4], rows[y][(x * 4) + 1], rows[y][(x * 4) + 2], rows[y][(x * 4) + 3]);
                if (a == 0)
                {
                    continue;
                }

                visible++;
                if (r != 255 || g != 255 || b != 255)
                {
                    offenders.Add($"({x},{y}) = #{r:X2}{g:X2}{b:X2}{a:X2}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "Pixels that are neither white nor transparent: " + string.Join(", ", offenders.Take(10)));
        Assert.InRange(visible, 50, (32 * 32) - 50);
    }

    [Fact]
    public void Outline_Corners_AreTransparent()
    {
        var rows = PngImage.Load(Icon("outline.png")).ReadRgbaRows();

        Assert.All([rows[0][3], rows[0][(31 * 4) + 3], rows[31][3], rows[31][(31 * 4) + 3]], alpha => Assert.Equal(0, alpha));
    }

    [Fact]
    public void Colour_Centre_IsOpaque()
    {
        var image = PngImage.Load(Icon("color.png"));
        var rows = image.ReadRgbaRows();

        Assert.Equal(255, rows[96][(96 * 4) + 3]);
    }
}
