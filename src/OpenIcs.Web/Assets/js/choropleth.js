// Draws areas from a GeoJSON file with Leaflet, each filled with the colour the page gives it. A map container names:
//   data-geojson      the boundaries to fetch,
//   data-feature-key  the feature property that holds each area's code,
//   data-areas        the id of a JSON script: { code: { name, label, colour, href? } }.
// An area with an href opens that page when selected. Every map has a table on the same page with the same figures.
(function () {
  "use strict";
  if (typeof L === "undefined") return;

  document.querySelectorAll("[data-colour]").forEach(function (swatch) {
    swatch.style.backgroundColor = swatch.dataset.colour;
  });

  document.querySelectorAll(".app-map[data-geojson]").forEach(function (container) {
    const areas = JSON.parse(document.getElementById(container.dataset.areas).textContent);
    const key = container.dataset.featureKey;
    const map = L.map(container, { zoomSnap: 0.25, scrollWheelZoom: false });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Boundaries: ONS, OS data © Crown copyright and database right");

    fetch(container.dataset.geojson)
      .then(function (response) {
        if (!response.ok) throw new Error("boundaries: HTTP " + response.status);
        return response.json();
      })
      .then(function (geojson) {
        const layer = L.geoJSON(geojson, {
          style: function (feature) {
            const area = areas[feature.properties[key]];
            return { color: "#ffffff", weight: 1, fillColor: area ? area.colour : "#768692", fillOpacity: 0.85 };
          },
          onEachFeature: function (feature, featureLayer) {
            const code = feature.properties[key];
            const area = areas[code];
            if (!area) return;
            featureLayer.bindTooltip(area.name + (area.label ? " (" + area.label + ")" : ""), { sticky: true });
            if (area.href) featureLayer.on("click", function () { window.location.assign(area.href); });
            featureLayer.on("mouseover", function () { featureLayer.setStyle({ weight: 3, color: "#212b32" }); });
            featureLayer.on("mouseout", function () { layer.resetStyle(featureLayer); });
            featureLayer.on("add", function () {
              const path = featureLayer.getElement();
              path.setAttribute("data-area", code);
              if (area.href) path.classList.add("app-map__link");
            });
          },
        }).addTo(map);
        map.fitBounds(layer.getBounds(), { padding: [8, 8], animate: false });
        container.dataset.ready = "true";
      })
      .catch(function (error) {
        container.classList.add("app-map--failed");
        container.textContent = "The map could not be drawn; the table on this page has the same figures. (" + error.message + ")";
      });
  });
})();
