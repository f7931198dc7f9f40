// Progressive enhancement of the article page's feedback forms. Without this script they are plain HTML form posts
// to the feedback service, which redirects back here; with it they are sent as JSON without leaving the page, the
// reason choice appears only after "No", and a passage the reader selected in the article fills the report form.
// Reader and server text is only ever written with textContent, never as HTML.
(function () {
  "use strict";

  var section = document.getElementById("feedback");
  if (!section || !window.fetch || !window.FormData) {
    return;
  }
  var status = document.getElementById("feedback-status");
  var summary = document.getElementById("feedback-errors");
  var summaryList = summary.querySelector("ul");
  var voteForm = section.querySelector(".vote-form");
  var reportForm = section.querySelector(".report-form");
  var report = document.getElementById("report");

  // The server checks every field and answers with the errors to show; browser bubbles would tell a different story.
  [voteForm, reportForm].forEach(function (form) {
    form.noValidate = true;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      send(form);
    });
  });

  showReasonsOnlyAfterNo();
  fillPassageFromSelection();
  if (!summary.hidden) {
    summary.focus();
  }

  function showReasonsOnlyAfterNo() {
    var reasons = voteForm.querySelector(".reasons");
    function update() {
      var notHelpful = voteForm.elements.helpful.value === "false";
      reasons.hidden = !notHelpful;
      reasons.disabled = !notHelpful; // a disabled fieldset's choice is not sent with "Yes"
    }
    voteForm.addEventListener("change", update);
    update();
  }

  function fillPassageFromSelection() {
    var article = document.querySelector("article");
    var passage = reportForm.elements.passage;
    var max = passage.maxLength > 0 ? passage.maxLength : 500;
    var typed = false;
    var selectedWhenOpening = "";

    function selectedInArticle() {
      var selection = document.getSelection();
      if (!selection || selection.isCollapsed
          || !article.contains(selection.anchorNode) || !article.contains(selection.focusNode)) {
        return "";
      }
      return selection.toString().replace(/\s+/g, " ").trim().slice(0, max);
    }

    passage.addEventListener("input", function () {
      typed = true;
    });
    reportForm.addEventListener("reset", function () {
      typed = false;
    });
    // pressing the summary collapses the selection, so it is read just before
    var summaryControl = report.querySelector("summary");
    ["mousedown", "touchstart", "keydown"].forEach(function (type) {
      summaryControl.addEventListener(type, function () {
        selectedWhenOpening = selectedInArticle();
      }, { passive: true });
    });
    report.addEventListener("toggle", function () {
      if (report.open && selectedWhenOpening && !typed) {
        passage.value = selectedWhenOpening;
      }
    });
    // the reader may also open the form first and then select the text
    document.addEventListener("selectionchange", function () {
      var text = selectedInArticle();
      if (report.open && text && !typed) {
        passage.value = text;
      }
    });
  }

  function send(form) {
    var button = form.querySelector("button[type=submit]");
    if (button.disabled) {
      return;
    }
    button.disabled = true;
    clearProblems();
    status.textContent = "";
    fetch(form.dataset.api, {
      method: "POST",
      credentials: "include",
      headers: { "Content-Type": "application/json", "Accept": "application/json, application/problem+json" },
      body: JSON.stringify(bodyOf(form))
    }).then(function (response) {
      if (response.ok) {
        thank(form);
      } else if (response.status === 429 || response.status === 503) {
        showProblems(form, [{ message: section.dataset.unavailable }]);
      } else {
        return response.json().then(function (problem) {
          showProblems(form, Array.isArray(problem.errors) && problem.errors.length > 0
              ? problem.errors : [{ message: section.dataset.formProblem }]);
        }, function () {
          showProblems(form, [{ message: section.dataset.formProblem }]);
        });
      }
    }, function () {
      showProblems(form, [{ message: section.dataset.notSent }]);
    }).then(function () {
      button.disabled = false;
    });
  }

  // The same field names as the HTML form, with the types the JSON API expects; empty optional fields are left out.
  function bodyOf(form) {
    var body = {};
    new FormData(form).forEach(function (value, name) {
      if (value !== "") {
        body[name] = value;
      }
    });
    if ("revision" in body) {
      body.revision = Number(body.revision);
    }
    ["helpful", "contactConsent"].forEach(function (name) {
      if (name in body) {
        body[name] = body[name] === "true";
      }
    });
    return body;
  }

  function thank(form) {
    form.reset();
    if (form === voteForm) {
      form.hidden = true; // one vote per revision; the reader's cookie lets a later vote replace it
    } else {
      report.open = false;
    }
    status.textContent = form.dataset.thanks;
    status.focus();
  }

  // problems: [{field?, message}] as in the errors[] of an RFC 9457 answer
  function showProblems(form, problems) {
    problems.forEach(function (problem) {
      var field = problem.field && form.querySelector("[data-field=\"" + cssEscape(problem.field) + "\"]");
      var item = document.createElement("li");
      if (field) {
        var link = document.createElement("a");
        link.href = "#" + field.dataset.target;
        link.textContent = field.dataset.error;
        item.appendChild(link);
        markInvalid(field);
      } else {
        item.textContent = problem.field ? section.dataset.formProblem : problem.message;
      }
      if (!alreadyListed(item.textContent)) {
        summaryList.appendChild(item);
      }
    });
    if (form === reportForm) {
      report.open = true;
    }
    summary.hidden = false;
    summary.focus();
  }

  function alreadyListed(text) {
    return Array.prototype.some.call(summaryList.children, function (item) {
      return item.textContent === text;
    });
  }

  function markInvalid(field) {
    field.classList.add("field-invalid");
    var message = field.querySelector(".field-error");
    message.textContent = field.dataset.error;
    message.hidden = false;
    field.querySelectorAll("input, textarea").forEach(function (control) {
      control.setAttribute("aria-invalid", "true");
    });
  }

  function clearProblems() {
    summary.hidden = true;
    summaryList.textContent = "";
    section.querySelectorAll(".field-invalid").forEach(function (field) {
      field.classList.remove("field-invalid");
      var message = field.querySelector(".field-error");
      message.textContent = "";
      message.hidden = true;
      field.querySelectorAll("[aria-invalid]").forEach(function (control) {
        control.removeAttribute("aria-invalid");
      });
    });
  }

  function cssEscape(value) {
    return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/[^\w-]/g, "");
  }
})();
