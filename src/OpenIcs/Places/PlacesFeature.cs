using Microsoft.Extensions.DependencyInjection;

namespace OpenIcs.Places;

/// <summary>Registers the places feature.</summary>
public static class PlacesFeature
{
    /// <summary>Adds <see cref="PlaceStore"/> and the neighbourhood boundaries from <paramref name="referenceFolder"/>.</summary>
    public static IServiceCollection AddPlaces(this IServiceCollection services, string? referenceFolder = null) =>
        services.AddSingleton<PlaceStore>()
            .AddSingleton(new LsoaBoundaries(referenceFolder ?? LondonReferenceData.DefaultFolder));
}
