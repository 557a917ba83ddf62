### Sitecard emails and SMS, English.

## Account and sign-in

registration-link-subject = Create your Sitecard account
registration-link-body =
    Your identity has been checked. Create your Sitecard account here (the link works for 7 days, once):

    { $link }

    If you did not visit an identity check, ignore this email.

invitation-subject = You are invited to Sitecard
invitation-body =
    You have been given access to Sitecard. Set your password here (the link works for 7 days, once):

    { $link }

login-code-sms = Your Sitecard login code is { $code }. It is valid for 5 minutes. Never share it.

phone-code-sms = Your Sitecard code to confirm this phone is { $code }. It is valid for 5 minutes.

password-reset-link-subject = Reset your Sitecard password
password-reset-link-body =
    Someone asked to reset the password of your Sitecard account. If it was you, open this link within one hour:

    { $link }

    If it was not you, ignore this email: your password stays the same.

password-reset-code-sms = Your Sitecard code to change your password is { $code }. Valid for 5 minutes.

password-changed-subject = Your Sitecard password was changed
password-changed-body = The password of your Sitecard account was changed and you were signed out everywhere. If this was not you, contact your company or an identity-verification office at once.

second-factor-reset-subject = Your Sitecard phone was changed
second-factor-reset-body = After an in-person identity check, the phone number of your Sitecard account was changed and any authenticator app removed. You were signed out everywhere.

second-factor-locked-subject = Sign-in codes paused on your Sitecard account
second-factor-locked-body = Someone typed wrong sign-in codes for your Sitecard account many times in a row, so codes are refused for one hour. If this was not you, change your password now. If you cannot sign in, visit an identity-verification office with your passport or ID card.

phone-replaced-sms = Sitecard: this phone number was removed from your account after an in-person identity check. If this was not you, contact your company at once.

# $change: app-added, app-removed or phone-changed
sign-in-changed-subject = Your Sitecard sign-in was changed
sign-in-changed-body =
    { $change ->
        [app-added] An authenticator app was added to your Sitecard account. Sign-in codes now come from the app.
        [app-removed] The authenticator app was removed from your Sitecard account. Sign-in codes now come by SMS.
       *[phone-changed] The mobile number of your Sitecard account was changed.
    } If this was not you, change your password now and contact your company, or visit an identity-verification office with your passport or ID card.

# By SMS to the phone the account used before the change.
sign-in-changed-sms =
    { $change ->
        [app-added] Sitecard: an authenticator app was added to your account. If this was not you, contact your company at once.
        [app-removed] Sitecard: the authenticator app was removed from your account. If this was not you, contact your company at once.
       *[phone-changed] Sitecard: your account now uses another phone number. If this was not you, contact your company at once.
    }

## Card orders

card-ordered-subject = Your site ID card has been ordered
card-ordered-body =
    { $company } has ordered a Sitecard ID card for you. Sign in, check your details and accept the order:

    { $link }

    If you have no account yet, bring your passport or national ID card to an identity-verification office.

order-ready-subject = Check and accept your card order
order-ready-body =
    Your card order from { $company } is ready. Sign in, check your details and accept it:

    { $link }

photo-rejected-subject = A card photo was rejected
photo-rejected-body =
    The photo for { $worker } cannot be used ({ $reason }). Please upload a new portrait:

    { $link }

order-corrected-subject = Your card order was corrected
order-corrected-body =
    { $company } has corrected your card order. Please check it again and accept it:

    { $link }

order-needs-correction-subject = A card order needs correction
order-needs-correction-body =
    The order for { $worker } does not match the verified passport or ID ({ $fields }). The card will not be produced until you correct the order:

    { $link }

order-rejected-subject = A card order was rejected by the worker
order-rejected-body = { $worker } rejected the card order. Reason given: { $reason }

order-confirmed-subject = Your card will be produced
order-confirmed-body = Thank you. Your details match your passport or ID, and the card ordered by { $company } is now being produced. It will be sent to the address your company chose.

card-shipped-subject = Your card has been sent
card-shipped-body = Your Sitecard ID card is on its way (tracking: { $tracking }). When you have it, sign in and activate it by typing the card number.

production-failed-subject = A card could not be produced
production-failed-body = The card for { $worker } could not be produced. Reason: { $reason }. Please order a new card.

## Cards

card-activated-subject = Your card is active
card-activated-body = Your Sitecard ID card { $card } is now active. Keep your PIN secret. If you lose the card, report it lost at once.

card-blocked-subject = A card was blocked
card-blocked-body = The Sitecard ID card { $card } has been blocked ({ $reason }). It does not open any site until it is unblocked.

card-unblocked-subject = Your card works again
card-unblocked-body = The block on your Sitecard ID card { $card } has been lifted.

card-terminated-subject = Your card was terminated
card-terminated-body = The Sitecard ID card { $card } has been terminated ({ $reason }) and can no longer be used.

## Order fields named in emails (a card order that does not match the document)

field-given_names = given names
field-surname = surname
field-date_of_birth = date of birth
field-nationality = nationality

card-expired-subject = Your card has expired
card-expired-body = The Sitecard ID card { $card } passed its last valid day and has expired. It no longer opens any site; ask your company to renew it.

card-expires-soon-subject = Your card expires on { $date }
card-expires-soon-body = The Sitecard ID card { $card } is valid until { $date }. Ask your company to renew it in time, so you can keep working on site.
