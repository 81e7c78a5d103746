// The centred message that stands in for a list: loading failed, nothing to show, no access. An
// icon in a circle, a title and a text, centred in the rest of the page; the caller adds buttons
// between Begin and End (ButtonWidth in widgets.h measures them for CentreNext). Also the one-line
// error above a list that kept its rows.
#pragma once

#include <string>  // the error's detail

#include <imgui.h>  // ImU32

namespace ui {

// `withButton`: a button row follows, and the content is centred with it.
void BeginMessage(const char* id, const char* iconText, ImU32 iconColor, const char* title, const char* text,
                  bool withButton = false);
// Centres the next button row of total width w inside the message card.
void CentreNext(float w);
// Registers the card under `role` (an error is an alert and carries the server's message).
void EndMessage(const char* id, const char* title, const char* role = "status", const char* detail = "");
// A list that could not be loaded: "state/error", an alert with `title` and the server's `error`,
// and a Retry button ("state/retry"). True when Retry was clicked.
bool ErrorMessageWithRetry(const char* title, const std::string& error);
// A later load failed and the rows shown are kept: one red line, `message` (an alert, `id`), led by
// `iconText` if given, and a Retry link (`retryId`). True when Retry was clicked.
bool ErrorLineWithRetry(const char* id, const std::string& message, const char* retryId,
                        const char* iconText = nullptr);

}  // namespace ui
