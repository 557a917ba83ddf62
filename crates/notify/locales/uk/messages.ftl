### Sitecard emails and SMS, Ukrainian.

## Account and sign-in

registration-link-subject = Створіть обліковий запис Sitecard
registration-link-body =
    Вашу особу перевірено. Створіть обліковий запис Sitecard тут (посилання діє 7 днів, один раз):

    { $link }

    Якщо ви не проходили перевірку особи, проігноруйте цей лист.

invitation-subject = Запрошення до Sitecard
invitation-body =
    Вам надали доступ до Sitecard. Встановіть пароль тут (посилання діє 7 днів, один раз):

    { $link }

login-code-sms = Код входу Sitecard: { $code }. Діє 5 хвилин. Нікому його не повідомляйте.

phone-code-sms = Код Sitecard для підтвердження цього телефону: { $code }. Діє 5 хвилин.

password-reset-link-subject = Скидання пароля Sitecard
password-reset-link-body =
    Хтось попросив скинути пароль вашого облікового запису Sitecard. Якщо це були ви, відкрийте це посилання протягом години:

    { $link }

    Якщо це були не ви, проігноруйте цей лист: ваш пароль не зміниться.

password-reset-code-sms = Код Sitecard для зміни пароля: { $code }. Діє 5 хвилин.

password-changed-subject = Ваш пароль Sitecard змінено
password-changed-body = Пароль вашого облікового запису Sitecard змінено, і вас виведено з системи на всіх пристроях. Якщо це були не ви, негайно зверніться до своєї компанії або до офісу перевірки особи.

second-factor-reset-subject = Ваш номер телефону в Sitecard змінено
second-factor-reset-body = Після очної перевірки особи номер телефону вашого облікового запису Sitecard змінено, а застосунок-автентифікатор (якщо був) видалено. Вас виведено з системи на всіх пристроях.

second-factor-locked-subject = Коди входу до Sitecard призупинено
second-factor-locked-body = Хтось багато разів поспіль ввів неправильний код входу до вашого облікового запису Sitecard, тому протягом години коди не приймаються. Якщо це були не ви, змініть пароль зараз. Якщо ви не можете увійти, прийдіть із паспортом або ID-карткою до офісу перевірки особи.

phone-replaced-sms = Sitecard: цей номер видалено з вашого облікового запису після перевірки особи. Якщо це не ви, негайно зверніться до своєї компанії.

# $change: app-added, app-removed or phone-changed
sign-in-changed-subject = Спосіб входу до Sitecard змінено
sign-in-changed-body =
    { $change ->
        [app-added] До вашого облікового запису Sitecard додано застосунок-автентифікатор. Коди входу тепер надходять із застосунку.
        [app-removed] З вашого облікового запису Sitecard видалено застосунок-автентифікатор. Коди входу тепер надходять у SMS.
       *[phone-changed] Номер мобільного телефону вашого облікового запису Sitecard змінено.
    } Якщо це були не ви, змініть пароль зараз і зверніться до своєї компанії або прийдіть із паспортом чи ID-карткою до офісу перевірки особи.

# By SMS to the phone the account used before the change.
sign-in-changed-sms =
    { $change ->
        [app-added] Sitecard: до вашого облікового запису додано застосунок-автентифікатор. Якщо це не ви, негайно зверніться до своєї компанії.
        [app-removed] Sitecard: з вашого облікового запису видалено застосунок-автентифікатор. Якщо це не ви, негайно зверніться до своєї компанії.
       *[phone-changed] Sitecard: ваш обліковий запис тепер використовує інший номер телефону. Якщо це не ви, негайно зверніться до своєї компанії.
    }

## Card orders

card-ordered-subject = Вам замовили картку для будмайданчика
card-ordered-body =
    Компанія { $company } замовила для вас картку Sitecard. Увійдіть, перевірте свої дані та підтвердьте замовлення:

    { $link }

    Якщо у вас ще немає облікового запису, прийдіть із паспортом або ID-карткою до офісу перевірки особи.

order-ready-subject = Перевірте та підтвердьте замовлення картки
order-ready-body =
    Ваше замовлення картки від компанії { $company } готове. Увійдіть, перевірте свої дані та підтвердьте його:

    { $link }

photo-rejected-subject = Фото для картки відхилено
photo-rejected-body =
    Фото працівника { $worker } не можна використати ({ $reason }). Завантажте нове портретне фото:

    { $link }

order-corrected-subject = Замовлення вашої картки виправлено
order-corrected-body =
    Компанія { $company } виправила замовлення вашої картки. Перевірте його ще раз і підтвердьте:

    { $link }

order-needs-correction-subject = Замовлення картки потрібно виправити
order-needs-correction-body =
    Замовлення для працівника { $worker } не збігається з перевіреним паспортом або ID-карткою ({ $fields }). Картку не виготовлять, доки ви не виправите замовлення:

    { $link }

order-rejected-subject = Працівник відхилив замовлення картки
order-rejected-body = Працівник { $worker } відхилив замовлення картки. Вказана причина: { $reason }

order-confirmed-subject = Вашу картку виготовлять
order-confirmed-body = Дякуємо. Ваші дані збігаються з паспортом або ID-карткою, і картку, яку замовила компанія { $company }, уже виготовляють. Її надішлють на адресу, яку вибрала ваша компанія.

card-shipped-subject = Вашу картку надіслано
card-shipped-body = Ваша картка Sitecard уже в дорозі (номер відстеження: { $tracking }). Коли отримаєте її, увійдіть і активуйте її, ввівши номер картки.

production-failed-subject = Картку не вдалося виготовити
production-failed-body = Картку для працівника { $worker } не вдалося виготовити. Причина: { $reason }. Замовте нову картку.

## Cards

card-activated-subject = Ваша картка активна
card-activated-body = Ваша картка Sitecard { $card } тепер активна. Нікому не кажіть свій PIN-код. Якщо загубите картку, негайно повідомте про втрату.

card-blocked-subject = Картку заблоковано
card-blocked-body = Картку Sitecard { $card } заблоковано ({ $reason }). Вона не працює на жодному будмайданчику, доки її не розблокують.

card-unblocked-subject = Ваша картка знову працює
card-unblocked-body = Блокування вашої картки Sitecard { $card } знято.

card-terminated-subject = Вашу картку анульовано
card-terminated-body = Картку Sitecard { $card } анульовано ({ $reason }). Нею більше не можна користуватися.

## Order fields named in emails (a card order that does not match the document)

field-given_names = імена
field-surname = прізвище
field-date_of_birth = дата народження
field-nationality = громадянство

card-expired-subject = Термін дії вашої картки закінчився
card-expired-body = Картка Sitecard { $card } пройшла останній день дії і більше не дійсна. Вона не відкриває жодного об'єкта; попросіть свою компанію її оновити.

card-expires-soon-subject = Ваша картка дійсна до { $date }
card-expires-soon-body = Картка Sitecard { $card } дійсна до { $date }. Попросіть свою компанію вчасно її оновити, щоб і далі працювати на об'єкті.
