// The query page: picking a named query fills the editor and its parameter fields.
(function () {
  "use strict";
  var data = document.getElementById("named-queries");
  var select = document.getElementById("name");
  if (!data || !select) { return; }
  var queries = {};
  JSON.parse(data.textContent).forEach(function (q) { queries[q.name] = q; });

  function showParams(params) {
    var box = document.getElementById("params");
    box.textContent = "";
    params.forEach(function (p) {
      var label = document.createElement("label");
      label.textContent = p[0] + " ";
      var input = document.createElement("input");
      input.name = "param." + p[0];
      input.placeholder = p[1];
      label.appendChild(input);
      box.appendChild(label);
    });
  }

  select.addEventListener("change", function () {
    var chosen = queries[select.value];
    document.getElementById("description").textContent = chosen ? chosen.description : "";
    if (chosen) {
      document.getElementById("query").value = chosen.text;
      showParams(chosen.params);
    } else {
      showParams([]);
    }
  });
}());
